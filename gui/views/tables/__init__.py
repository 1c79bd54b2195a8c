"""tables: see README, Development."""
