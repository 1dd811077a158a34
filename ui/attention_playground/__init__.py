"""The attention playground: a few key vectors and a query in the plane, dragged by hand, with
the notes' two steps of attention computed live for every score function
(simulator.encoder_decoder.attention.attend). It needs no model.

    python -m ui.attention_playground        # the panel on its own
"""
