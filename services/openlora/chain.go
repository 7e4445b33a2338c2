package openlora

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	datanettypes "github.com/openledger/openledger/x/datanet/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

// Chain reads what the node needs from an OpenLedger node over gRPC:
// models, the node's own agent record, users' credit and channels. Answers
// are cached for CacheTTL, so a burst of requests costs one query, and a
// model deprecated or revoked on chain stops being served within that time.
type Chain struct {
	conn     *grpc.ClientConn
	models   modelregtypes.QueryClient
	agents   agentstaketypes.QueryClient
	fees     inferencefeestypes.QueryClient
	datanets datanettypes.QueryClient
	ttl      time.Duration

	mu    sync.Mutex
	cache map[string]cached
}

type cached struct {
	at    time.Time
	value any
}

// DialChain connects to a node's gRPC endpoint (host:port, plaintext).
func DialChain(addr string, cacheTTL time.Duration) (*Chain, error) {
	// The chain's messages are gogoproto types (math.Int fields and the
	// like), which only the SDK's codec encodes.
	cdc := codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(cdc.GRPCCodec())))
	if err != nil {
		return nil, fmt.Errorf("chain gRPC %s: %w", addr, err)
	}
	return &Chain{
		conn: conn, ttl: cacheTTL, cache: map[string]cached{},
		models: modelregtypes.NewQueryClient(conn), agents: agentstaketypes.NewQueryClient(conn),
		fees: inferencefeestypes.NewQueryClient(conn), datanets: datanettypes.NewQueryClient(conn),
	}, nil
}

// Conn is the gRPC connection, for transactions.
func (c *Chain) Conn() *grpc.ClientConn { return c.conn }

// Close closes the connection.
func (c *Chain) Close() error { return c.conn.Close() }

// Forget drops cached answers about key's subject (after the node changed
// it, e.g. by settling a channel).
func (c *Chain) Forget(key string) {
	c.mu.Lock()
	delete(c.cache, key)
	c.mu.Unlock()
}

func cachedQuery[T any](ctx context.Context, c *Chain, key string, fetch func(context.Context) (T, error)) (T, error) {
	c.mu.Lock()
	if e, ok := c.cache[key]; ok && time.Since(e.at) < c.ttl {
		c.mu.Unlock()
		return e.value.(T), nil
	}
	c.mu.Unlock()
	v, err := fetch(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	c.mu.Lock()
	c.cache[key] = cached{at: time.Now(), value: v}
	c.mu.Unlock()
	return v, nil
}

// errNotOnChain is returned when the chain has no such record.
var errNotOnChain = errors.New("not on chain")

func notFoundAsErr(err error) error {
	if status.Code(err) == codes.NotFound {
		return errNotOnChain
	}
	return err
}

// Model returns a registered model.
func (c *Chain) Model(ctx context.Context, id uint64) (*modelregtypes.Model, error) {
	return cachedQuery(ctx, c, fmt.Sprintf("model/%d", id), func(ctx context.Context) (*modelregtypes.Model, error) {
		res, err := c.models.Model(ctx, &modelregtypes.QueryModelRequest{ModelId: id})
		if err != nil {
			return nil, notFoundAsErr(err)
		}
		return &res.Model, nil
	})
}

// AdaptersOf lists the models whose base is baseID.
func (c *Chain) AdaptersOf(ctx context.Context, baseID uint64) ([]modelregtypes.Model, error) {
	return cachedQuery(ctx, c, fmt.Sprintf("by-base/%d", baseID), func(ctx context.Context) ([]modelregtypes.Model, error) {
		var out []modelregtypes.Model
		var key []byte
		for {
			res, err := c.models.ModelsByBase(ctx, &modelregtypes.QueryModelsByBaseRequest{
				BaseModelId: baseID, Pagination: &query.PageRequest{Key: key, Limit: 500},
			})
			if err != nil {
				return nil, err
			}
			out = append(out, res.Models...)
			if res.Pagination == nil || len(res.Pagination.NextKey) == 0 {
				return out, nil
			}
			key = res.Pagination.NextKey
		}
	})
}

// Agent returns the node's agent record.
func (c *Chain) Agent(ctx context.Context, operator string) (*agentstaketypes.Agent, error) {
	return cachedQuery(ctx, c, "agent/"+operator, func(ctx context.Context) (*agentstaketypes.Agent, error) {
		res, err := c.agents.Agent(ctx, &agentstaketypes.QueryAgentRequest{Operator: operator})
		if err != nil {
			return nil, notFoundAsErr(err)
		}
		return &res.Agent, nil
	})
}

// Credit is the part of a user's credit that settlements can spend: the
// whole balance, since credit under withdrawal still pays settlements until
// it is paid out.
func (c *Chain) Credit(ctx context.Context, user string) (math.Int, error) {
	return cachedQuery(ctx, c, "credit/"+user, func(ctx context.Context) (math.Int, error) {
		res, err := c.fees.Credit(ctx, &inferencefeestypes.QueryCreditRequest{User: user})
		if err != nil {
			if errors.Is(notFoundAsErr(err), errNotOnChain) {
				return math.ZeroInt(), nil
			}
			return math.Int{}, err
		}
		return res.Credit.Balance, nil
	})
}

// Channel returns the (user, node) channel as settled on chain; a channel
// never settled has amount 0 and nonce 0.
func (c *Chain) Channel(ctx context.Context, user, node string) (inferencefeestypes.Channel, error) {
	return cachedQuery(ctx, c, "channel/"+user, func(ctx context.Context) (inferencefeestypes.Channel, error) {
		res, err := c.fees.Channel(ctx, &inferencefeestypes.QueryChannelRequest{User: user, ServingNode: node})
		if err != nil {
			if errors.Is(notFoundAsErr(err), errNotOnChain) {
				return inferencefeestypes.Channel{User: user, ServingNode: node, SettledAmount: math.ZeroInt()}, nil
			}
			return inferencefeestypes.Channel{}, err
		}
		return res.Channel, nil
	})
}

// Datanets is the x/datanet query client (attribution indexes read
// Datanet versions through it).
func (c *Chain) Datanets() datanettypes.QueryClient { return c.datanets }
