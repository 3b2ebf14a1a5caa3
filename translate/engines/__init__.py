"""MT backends behind one small interface (see :mod:`translate.engines.base`)."""
