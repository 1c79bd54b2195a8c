"""math: see README, Development."""
