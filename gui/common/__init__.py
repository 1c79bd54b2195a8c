"""common: see README, Development."""
