"""Services of the course of therapy: the only code that changes its records. Web and CLI both call them."""
