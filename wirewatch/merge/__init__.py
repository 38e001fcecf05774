"""Merging: copies into one article, articles into stories, mentions into events."""
