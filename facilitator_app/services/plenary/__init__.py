"""The plenary deck: slides from the data, text fitting, layout and the 16:9 PDF."""
