package modulekit

import "cosmossdk.io/math"

// BaseDenom is the chain's base denom, app/config.BaseDenom (the modules'
// tests pin that they agree). Modules name it through this constant, so
// that none imports the application.
const BaseDenom = "aopen"

// OPEN is n OPEN in aopen: n·10^18.
func OPEN(n int64) math.Int { return math.NewIntWithDecimal(n, 18) }
