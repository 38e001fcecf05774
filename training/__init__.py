"""Training the event coder: the annotated sentences, their texts, and the model's build."""
