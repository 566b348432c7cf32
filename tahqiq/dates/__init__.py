"""One home for date values: bounds, precision, year-less partial values, publication dates and year
inference."""
