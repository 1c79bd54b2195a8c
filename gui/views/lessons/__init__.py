"""The lessons panel: a lesson's steps, their text and questions (see engine.lessons)."""
