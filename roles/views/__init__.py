"""Public pages: one module per page or group of pages, thin views over the querysets."""
