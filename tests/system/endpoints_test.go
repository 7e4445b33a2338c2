package system_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

// TestEveryEndpointAnswers reads the supply over REST and gRPC (the same as
// the CLI's) and follows new blocks over the EVM WebSocket: the endpoints
// wallets and apps use.
func TestEveryEndpointAnswers(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	supply := totalSupply(t).String()

	resp, err := http.Get(localnet.restURL + "/cosmos/bank/v1beta1/supply/by_denom?denom=aopen")
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var rest struct {
		Amount struct {
			Amount string `json:"amount"`
		} `json:"amount"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&rest))
	require.Equal(t, supply, rest.Amount.Amount)

	conn, err := grpc.NewClient(fmt.Sprintf("127.0.0.1:%d", localnet.grpcPort), grpc.WithTransportCredentials(insecure.NewCredentials()))
	require.NoError(t, err)
	defer conn.Close()
	bySupply, err := banktypes.NewQueryClient(conn).SupplyOf(ctx, &banktypes.QuerySupplyOfRequest{Denom: "aopen"})
	require.NoError(t, err)
	require.Equal(t, supply, bySupply.Amount.Amount.String())

	ws, err := ethclient.DialContext(ctx, fmt.Sprintf("ws://127.0.0.1:%d", localnet.wsPort))
	require.NoError(t, err)
	defer ws.Close()
	heads := make(chan *types.Header, 4)
	sub, err := ws.SubscribeNewHead(ctx, heads)
	require.NoError(t, err)
	defer sub.Unsubscribe()
	select {
	case head := <-heads:
		require.Positive(t, head.Number.Int64())
	case err := <-sub.Err():
		t.Fatal(err)
	case <-ctx.Done():
		t.Fatal("no new block over the WebSocket")
	}
}
