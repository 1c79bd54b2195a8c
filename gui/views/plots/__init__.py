"""plots: see README, Development."""
