"""The Learn panel (training the logits) and the softmax | sigmoid view."""
