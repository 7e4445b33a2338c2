// Command maprange reports every range over a Go map in state-machine code.
// A map's iteration order differs from run to run, so a state transition that
// depends on it makes validators compute different results; iterate sorted
// keys or a collections range instead. Run by `make lint` over x/ and app/
// (test files excluded: their order does not reach consensus).
//
// A loop whose result does not depend on the order (collecting keys to sort
// them, copying into another map) says so with a comment on its line or the
// line above that starts with "order-independent:" and gives the reason.
package main

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var analyzer = &analysis.Analyzer{
	Name: "maprange",
	Doc:  "report ranging over a map in state-machine code, whose order is random",
	Run:  run,
}

func main() { singlechecker.Main(analyzer) }

func run(pass *analysis.Pass) (any, error) {
	for _, file := range pass.Files {
		name := pass.Fset.File(file.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") || strings.HasSuffix(name, ".pb.go") {
			continue
		}
		excused := orderIndependentLines(pass, file)
		ast.Inspect(file, func(node ast.Node) bool {
			loop, ok := node.(*ast.RangeStmt)
			if !ok {
				return true
			}
			line := pass.Fset.Position(loop.For).Line
			if excused[line] || excused[line-1] {
				return true
			}
			if _, isMap := pass.TypesInfo.TypeOf(loop.X).Underlying().(*types.Map); isMap {
				pass.Reportf(loop.For, "range over a map: its order is random, which breaks consensus in state-machine code; iterate sorted keys")
			}
			return true
		})
	}
	return nil, nil
}

// orderIndependentLines are the lines of file that carry an
// "order-independent:" comment.
func orderIndependentLines(pass *analysis.Pass, file *ast.File) map[int]bool {
	lines := map[int]bool{}
	for _, group := range file.Comments {
		for _, comment := range group.List {
			text := strings.TrimSpace(strings.TrimPrefix(comment.Text, "//"))
			if strings.HasPrefix(text, "order-independent:") {
				lines[pass.Fset.Position(comment.Slash).Line] = true
			}
		}
	}
	return lines
}
