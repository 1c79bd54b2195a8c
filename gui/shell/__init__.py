"""shell: see README, Development."""
