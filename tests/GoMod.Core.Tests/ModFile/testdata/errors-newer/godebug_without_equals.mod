module example.com/m

godebug panicnil
