module example.com/m

exclude golang.org/x/net v0.0.0-20190620200207-3b0461eec859
