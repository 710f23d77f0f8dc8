"""Forms of the public pages, one module per page or group of pages."""
