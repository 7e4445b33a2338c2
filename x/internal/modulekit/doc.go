// Package modulekit holds what every OpenLedger module does the same way, so
// that each module keeps only what is its own: the services and authority a
// keeper holds (Env), its constructor checks, id sequences, address parsing,
// parameter updates, fee routing, and the application-module plumbing
// (Module) that wires a keeper, its genesis and its gRPC services into the
// app.
package modulekit
