"""code: see README, Development."""
