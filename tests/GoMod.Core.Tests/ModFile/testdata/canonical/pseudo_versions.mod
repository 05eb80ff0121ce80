module example.com/m

go 1.19

require (
	example.com/a v0.0.0-20191109021931-daa7c04131f5
	example.com/b v1.2.4-0.20191109021931-daa7c04131f5
	example.com/c v1.3.0-pre.0.20191109021931-daa7c04131f5
	example.com/d v1.0.0-rc.1
)
