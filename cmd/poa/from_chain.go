package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	datanetclient "github.com/openledger/openledger/x/datanet/client"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
)

// fromChainTimeout bounds reading a Datanet version from a node.
const fromChainTimeout = 30 * time.Minute

// exportFromChain writes a Datanet version, read from a node over gRPC and
// verified against its Merkle root, to a temporary JSONL file and returns its
// path. The caller removes the file.
func exportFromChain(grpcAddr string, datanetID, version uint64, progress io.Writer) (string, error) {
	conn, err := grpc.NewClient(grpcAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		return "", fmt.Errorf("connecting to %s: %w", grpcAddr, err)
	}
	defer conn.Close()

	file, err := os.CreateTemp("", "poa-datanet-*.jsonl")
	if err != nil {
		return "", err
	}
	keep := false
	defer func() {
		file.Close()
		if !keep {
			os.Remove(file.Name())
		}
	}()

	ctx, cancel := context.WithTimeout(context.Background(), fromChainTimeout)
	defer cancel()
	buffered := bufio.NewWriter(file)
	count, root, err := datanetclient.ExportVersion(ctx, datanettypes.NewQueryClient(conn),
		datanetID, version, 500, buffered, progress)
	if err != nil {
		return "", err
	}
	if err := buffered.Flush(); err != nil {
		return "", err
	}
	fmt.Fprintf(progress, "read %d contributions of datanet %d from %s; Merkle root %x verified\n", count, datanetID, grpcAddr, root)
	keep = true
	return file.Name(), nil
}
