module example.com/m // a	comment	with	tabs
