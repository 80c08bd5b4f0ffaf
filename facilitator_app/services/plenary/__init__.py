"""The plenary deck: slides from the data, text fitting, layout and the 16:9 PDF.

Read by name, from the data to the page:

* :mod:`.build` makes the deck from an event's records (:func:`.build.build_deck`), the
  event-wide slides and the participation figures; :mod:`.table_slides` each table's
  slides; :mod:`.selection` what they pick (top themes, representative post-its, cards);
* :mod:`.slides` is the model (:class:`.slides.Slide`, items, charts, kinds, sizes);
* :mod:`.measure`, :mod:`.charts` and :mod:`.fitting` size the text and continue what
  does not fit; :mod:`.layout` places it (:func:`.layout.layout_slide`) with the
  :mod:`.colours`; :mod:`.slides_pdf` prints it;
* :mod:`.settings` keeps hidden slides and pinned post-its; :mod:`.report_back` times
  each table's report.
"""
