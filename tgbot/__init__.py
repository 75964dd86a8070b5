"""tgbot."""
