"""Article photos: checked and cleaned images (``images``), the content-addressed store (``store``),
their rows (``tables``), figures in body HTML (``figures``), the service (``service``) and what the
published site reads (``site``)."""
