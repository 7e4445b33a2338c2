package chattemplate

// Statements of a parsed template.
type node interface{}

type textNode struct{ text string }

type outputNode struct {
	expr expr
	line int
}

type ifNode struct {
	conds  []expr   // if and elif conditions
	bodies [][]node // one body per condition
	orElse []node
}

type forNode struct {
	targets  []string // one name, or several for tuple unpacking
	iterable expr
	filter   expr // the "if" of "for x in xs if cond", or nil
	body     []node
	orElse   []node
	line     int
}

type setNode struct {
	target string
	attr   string // "ns.attr = ..." assigns an attribute of a namespace
	value  expr   // nil for a block set
	body   []node // the body of {% set x %}...{% endset %}
	line   int
}

type macroNode struct {
	name     string
	params   []string
	defaults []expr // per parameter, nil where there is none
	body     []node
}

type (
	breakNode    struct{}
	continueNode struct{}
)

// Expressions.
type expr interface{}

type literal struct{ value any }

type nameExpr struct {
	name string
	line int
}

type listExpr struct{ items []expr }

type dictExpr struct{ keys, values []expr }

type attrExpr struct {
	obj  expr
	name string
	line int
}

type indexExpr struct {
	obj, index expr
	line       int
}

type sliceExpr struct {
	obj               expr
	start, stop, step expr // nil where omitted
}

type callExpr struct {
	fn     expr
	args   []expr
	kwName []string
	kwArgs []expr
	line   int
}

type filterExpr struct {
	operand expr
	name    string
	args    []expr
	kwName  []string
	kwArgs  []expr
	line    int
}

type testExpr struct {
	operand expr
	name    string
	args    []expr
	negated bool
	line    int
}

type unaryExpr struct {
	op      string // "not", "-", "+"
	operand expr
}

type binaryExpr struct {
	op          string
	left, right expr
	line        int
}

type condExpr struct {
	cond, yes, no expr // no is nil when the else part is omitted
}
