"""The presentation stage: one or two large plots, the key numbers in large type and the input
table, for a room rather than a desk. The shell gives it its plots and its table."""
