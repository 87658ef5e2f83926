"""gxvdesk: a desktop configurator for Grandstream GXV IP cameras and video encoders."""

__version__ = "0.1.0"
