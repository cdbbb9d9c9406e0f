"""NLP over article bodies: sentences, quotes and speakers, dated expressions. Blank spaCy English."""
