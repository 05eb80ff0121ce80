module example.com/m

go 1.23.0

// Keep the old behaviour until the migration is done.
godebug (
	http2client=0
	panicnil=1 // needed by legacy handlers
)
