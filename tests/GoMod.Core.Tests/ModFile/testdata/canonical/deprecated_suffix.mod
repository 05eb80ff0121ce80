module example.com/old // Deprecated: moved to example.com/new
