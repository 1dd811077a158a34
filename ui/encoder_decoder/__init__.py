"""The encoder-decoder's views: input, unrolled encoder and decoder, attention heat map, beam
search, node inspector and builder. Each listens to the session through a SessionView of the
encoder-decoder kind (ui.kinds.session_view), so it only ever sees encoder-decoder traces."""
