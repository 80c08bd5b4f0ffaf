"""The exchange workbook: its contract, cell codecs, writer, validating reader and importer."""
