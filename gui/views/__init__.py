"""views: see README, Development."""
