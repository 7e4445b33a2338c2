package main

// The settle workload measures paid-inference settlement: how many payment
// vouchers (and the inferences they pay for) the chain settles per second
// through x/inferencefees' MsgSettleBatch.
//
// Setup, all paid by the funding key: one base model; S serving nodes, each
// a fresh eth_secp256k1 operator key registered with the minimum stake (the
// funding key owns the stake, so the node keys only need fee money); U users
// per node, each a fresh key funded once and holding a credit.
//
// Every batch of every node is then built and signed before the clock starts
// (the user's EIP-712 voucher signature, the node's Settlement signature and
// the transaction signature), so the figures measure the chain, not this
// client's signing speed on a machine it shares with the node. In the timed
// phase every node broadcasts its batches one after the other, each after
// the previous one is committed, as a real serving node settling cumulative
// vouchers would.

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/cosmos/evm/crypto/ethsecp256k1"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/client/grpc/cmtservice"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	txtypes "github.com/cosmos/cosmos-sdk/types/tx"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app/config"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	feetypes "github.com/openledger/openledger/x/inferencefees/types"
	modelregtypes "github.com/openledger/openledger/x/modelreg/types"
)

const (
	// voucherStep is what every voucher adds to its channel's cumulative
	// amount each round: 0.001 OPEN.
	voucherStep = 1_000_000_000_000_000
	// tokensPerVoucher is what one voucher step pays for at the model's
	// price (voucherStep per 1,000 tokens).
	tokensPerVoucher = 1000
	// nodeFeeOPEN is each serving node's fee money; a batch of the largest
	// size costs about 2 OPEN at gasPrice.
	nodeFeeOPEN = 1000
	// depositGasPerUser and depositGasBase size a multi-signer credit
	// deposit: an eth_secp256k1 signature check, a transfer and the credit.
	depositGasPerUser = 100_000
	depositGasBase    = 200_000
	// depositSigners is the most users sharing one deposit transaction (the
	// SDK's default tx_sig_limit); each user is funded for the fee of a full
	// one, since the first of them pays it.
	depositSigners = 7
	// fundGasPerOutput sizes a multi-send that creates accounts.
	fundGasPerOutput = 50_000
	// fundChunk outputs per multi-send keeps each far below the 1 MB
	// CometBFT mempool limit on a transaction.
	fundChunk = 1000
	// registerGas covers one model or serving-node registration.
	registerGas = 500_000
	// pollInterval is how often commits are polled.
	pollInterval = 50 * time.Millisecond
)

// settleOptions are the settle workload's flags.
type settleOptions struct {
	batch      int
	nodes      int
	users      int
	rounds     int
	inferences int
	maxTxBytes int
	evmChainID uint64
	pipeline   bool
}

func (o *settleOptions) register(fs *flag.FlagSet) {
	fs.IntVar(&o.batch, "batch", 100, "settle: vouchers per MsgSettleBatch; 0 picks the largest that fits in -max-tx-bytes")
	fs.IntVar(&o.nodes, "nodes", 1, "settle: serving nodes settling concurrently")
	fs.IntVar(&o.users, "users", 0, "settle: users per serving node (default: -batch); each batch pays the next -batch of them")
	fs.IntVar(&o.rounds, "rounds", 10, "settle: batches per serving node")
	fs.IntVar(&o.inferences, "inferences-per-voucher", 10, "settle: inferences each voucher pays for")
	fs.IntVar(&o.maxTxBytes, "max-tx-bytes", 1048576, "settle: the node's CometBFT mempool max_tx_bytes")
	fs.BoolVar(&o.pipeline, "pipeline", false, "settle: broadcast a node's next batch without waiting for the previous one to be committed")
	fs.Uint64Var(&o.evmChainID, "evm-chain-id", config.DefaultEVMChainID, "settle: EVM chain id the vouchers are signed for")
}

// channel is one (user, serving node) payment channel as the node sees it.
type channel struct {
	user       *sender
	nonce      uint64
	cumulative math.Int
}

// servingNode is a serving node with its channels and its pre-signed
// settlement transactions.
type servingNode struct {
	*sender
	modelID  uint64
	channels []*channel
	txs      [][]byte
	msgs     []*feetypes.MsgSettleBatch
}

// batchResult is what the timed phase observed for one transaction.
type batchResult struct {
	hash     string
	vouchers int
	checkTx  time.Duration
}

// runSettle sets up the model, serving nodes and users, pre-signs every
// batch and then measures settlement.
func (c *loadClient) runSettle(ctx context.Context) error {
	o := &c.opts.settle
	if o.nodes < 1 || o.rounds < 1 || o.inferences < 1 || o.batch < 0 {
		return errors.New("settle needs -nodes, -rounds and -inferences-per-voucher >= 1 and -batch >= 0")
	}
	var err error
	if o.batch == 0 {
		if o.batch, err = c.largestBatch(ctx); err != nil {
			return err
		}
		fmt.Printf("largest batch that fits in %d bytes: %d vouchers\n", o.maxTxBytes, o.batch)
	}
	if o.users == 0 {
		o.users = o.batch
	}
	if o.users < o.batch {
		return errors.New("-users must be at least -batch: a batch holds one voucher per channel")
	}

	setupStart := time.Now()
	nodes, err := c.setupSettlement(ctx)
	if err != nil {
		return err
	}
	fmt.Printf("setup (model, %d serving nodes, %d users with credit) took %.1fs\n",
		o.nodes, o.nodes*o.users, time.Since(setupStart).Seconds())

	if err := c.prepareBatches(ctx, nodes); err != nil {
		return err
	}
	results, wall, err := c.settleAll(ctx, nodes)
	if err != nil {
		return err
	}
	return c.reportSettlement(ctx, results, wall)
}

// setupSettlement registers the model and the serving nodes and gives every
// user a credit.
func (c *loadClient) setupSettlement(ctx context.Context) ([]*servingNode, error) {
	o := c.opts.settle
	modelID, err := c.registerModel(ctx)
	if err != nil {
		return nil, fmt.Errorf("registering the model: %w", err)
	}
	fmt.Printf("registered base model %d\n", modelID)

	nodes := make([]*servingNode, o.nodes)
	var accounts []*sender
	var coins []sdk.Coins
	credit := creditPerUser(o.rounds)
	// The credit plus the fee of a deposit transaction, which the user may pay.
	depositFee := fee(depositGasBase + depositGasPerUser*depositSigners).AmountOf(config.BaseDenom)
	userFunds := sdk.NewCoins(sdk.NewCoin(config.BaseDenom, credit.Add(depositFee)))
	var users []*sender
	for i := range nodes {
		node, err := newSender()
		if err != nil {
			return nil, err
		}
		nodes[i] = &servingNode{sender: node, modelID: modelID}
		accounts = append(accounts, node)
		coins = append(coins, sdk.NewCoins(config.OPEN(nodeFeeOPEN)))
		for range o.users {
			user, err := newSender()
			if err != nil {
				return nil, err
			}
			nodes[i].channels = append(nodes[i].channels, &channel{user: user, cumulative: math.ZeroInt()})
			users = append(users, user)
			accounts = append(accounts, user)
			coins = append(coins, userFunds)
		}
	}
	if err := c.fundAccounts(ctx, accounts, coins); err != nil {
		return nil, fmt.Errorf("funding accounts: %w", err)
	}
	if err := c.registerServingNodes(ctx, nodes, modelID); err != nil {
		return nil, fmt.Errorf("registering serving nodes: %w", err)
	}
	if err := c.depositCredits(ctx, users, credit); err != nil {
		return nil, fmt.Errorf("depositing credit: %w", err)
	}
	return nodes, nil
}

// creditPerUser covers every round's voucher step.
func creditPerUser(rounds int) math.Int {
	return math.NewInt(voucherStep).MulRaw(int64(rounds))
}

func newSender() (*sender, error) {
	key, err := ethsecp256k1.GenerateKey()
	if err != nil {
		return nil, err
	}
	return &sender{key: key, address: sdk.AccAddress(key.PubKey().Address())}, nil
}

// registerModel registers a base model owned by the funding key and returns
// its id, read from the transaction's message response.
func (c *loadClient) registerModel(ctx context.Context) (uint64, error) {
	hash := sha256.Sum256([]byte(fmt.Sprintf("loadtest model %d", time.Now().UnixNano())))
	msg := &modelregtypes.MsgRegisterModel{
		Owner: c.funder.String(), Name: "loadtest base " + hex.EncodeToString(hash[:4]),
		Kind: modelregtypes.MODEL_KIND_BASE, Architecture: "llama-3-8b",
		Artifact: modelregtypes.Artifact{
			Uri: "ipfs://loadtest", Sha256: hash[:], SizeBytes: 1 << 30, Format: modelregtypes.ARTIFACT_FORMAT_SAFETENSORS,
		},
		License: "Apache-2.0",
		// voucherStep per 1,000 tokens: each voucher's step pays for
		// tokensPerVoucher tokens (the chain checks every usage entry
		// against the model's price).
		Price: modelregtypes.Price{PerCall: math.ZeroInt(), Per_1KTokens: math.NewInt(voucherStep)},
	}
	res, err := c.funderTxs(ctx, []uint64{registerGas}, [][]sdk.Msg{{msg}})
	if err != nil {
		return 0, err
	}
	var out modelregtypes.MsgRegisterModelResponse
	if err := firstMsgResponse(res[0], &out); err != nil {
		return 0, err
	}
	return out.ModelId, nil
}

// firstMsgResponse decodes the first message response of a committed
// transaction (TxResponse.Data is the hex TxMsgData).
func firstMsgResponse(res *sdk.TxResponse, out interface{ Unmarshal([]byte) error }) error {
	bz, err := hex.DecodeString(res.Data)
	if err != nil {
		return err
	}
	var data sdk.TxMsgData
	if err := data.Unmarshal(bz); err != nil {
		return err
	}
	if len(data.MsgResponses) == 0 {
		return errors.New("no message response")
	}
	return out.Unmarshal(data.MsgResponses[0].Value)
}

// fundAccounts pays coins[i] to accounts[i] from the funding key in
// multi-sends of fundChunk outputs, then reads back the account numbers.
func (c *loadClient) fundAccounts(ctx context.Context, accounts []*sender, coins []sdk.Coins) error {
	var gas []uint64
	var msgs [][]sdk.Msg
	for start := 0; start < len(accounts); start += fundChunk {
		end := min(start+fundChunk, len(accounts))
		outputs := make([]banktypes.Output, 0, end-start)
		total := sdk.NewCoins()
		for i := start; i < end; i++ {
			outputs = append(outputs, banktypes.NewOutput(accounts[i].address, coins[i]))
			total = total.Add(coins[i]...)
		}
		msgs = append(msgs, []sdk.Msg{banktypes.NewMsgMultiSend(banktypes.NewInput(c.funder, total), outputs)})
		gas = append(gas, uint64(100_000+fundGasPerOutput*(end-start)))
	}
	if _, err := c.funderTxs(ctx, gas, msgs); err != nil {
		return err
	}
	for _, a := range accounts {
		number, _, err := c.account(ctx, a.address)
		if err != nil {
			return fmt.Errorf("account %s: %w", a.address, err)
		}
		a.number = number
	}
	return nil
}

// registerServingNodes registers every node as a serving node of the model
// with the minimum stake. The funding key is the owner and pays the stake;
// the node key is the operator, which is what settles (x/agentstake lets an
// owner name another operator, and operators do not co-sign).
func (c *loadClient) registerServingNodes(ctx context.Context, nodes []*servingNode, modelID uint64) error {
	res, err := agentstaketypes.NewQueryClient(c.conn).Params(ctx, &agentstaketypes.QueryParamsRequest{})
	if err != nil {
		return err
	}
	msgs := make([]sdk.Msg, len(nodes))
	for i, n := range nodes {
		msgs[i] = &agentstaketypes.MsgRegisterAgent{
			Owner: c.funder.String(), Operator: n.address.String(), Kind: agentstaketypes.AGENT_KIND_SERVING_NODE,
			ModelIds: []uint64{modelID}, Endpoint: fmt.Sprintf("https://node%d.loadtest.example", i),
			Stake: res.Params.MinStakeServingNode,
		}
	}
	_, err = c.funderTxs(ctx, []uint64{uint64(registerGas * len(nodes))}, [][]sdk.Msg{msgs})
	return err
}

// funderTxs signs one transaction per msgs[i] with the funding key at
// consecutive sequences, broadcasts them all and waits until every one is
// committed successfully.
func (c *loadClient) funderTxs(ctx context.Context, gas []uint64, msgs [][]sdk.Msg) ([]*sdk.TxResponse, error) {
	number, sequence, err := c.account(ctx, c.funder)
	if err != nil {
		return nil, err
	}
	hashes := make([]string, len(msgs))
	for i := range msgs {
		builder := c.txConfig.NewTxBuilder()
		if err := builder.SetMsgs(msgs[i]...); err != nil {
			return nil, err
		}
		builder.SetGasLimit(gas[i])
		builder.SetFeeAmount(fee(gas[i]))
		factory := clienttx.Factory{}.WithKeybase(c.keyring).WithTxConfig(c.txConfig).WithChainID(c.opts.chainID).
			WithAccountNumber(number).WithSequence(sequence + uint64(i)).WithSignMode(signing.SignMode_SIGN_MODE_DIRECT)
		if err := clienttx.Sign(ctx, factory, c.opts.funder, builder, true); err != nil {
			return nil, err
		}
		bz, err := c.txConfig.TxEncoder()(builder.GetTx())
		if err != nil {
			return nil, err
		}
		if hashes[i], err = c.broadcastBytes(ctx, bz); err != nil {
			return nil, err
		}
	}
	return c.waitTxs(ctx, hashes)
}

// depositCredits has every user deposit credit. Up to tx_sig_limit users
// share one transaction (each signs its own MsgDepositCredit, the first
// pays the fee), which divides the number of transactions the setup needs.
func (c *loadClient) depositCredits(ctx context.Context, users []*sender, credit math.Int) error {
	params, err := authtypes.NewQueryClient(c.conn).Params(ctx, &authtypes.QueryParamsRequest{})
	if err != nil {
		return err
	}
	perTx := int(max(1, min(depositSigners, params.Params.TxSigLimit)))
	var txs [][]byte
	for start := 0; start < len(users); start += perTx {
		group := users[start:min(start+perTx, len(users))]
		msgs := make([]sdk.Msg, len(group))
		for i, u := range group {
			msgs[i] = &feetypes.MsgDepositCredit{User: u.address.String(), Amount: sdk.NewCoin(config.BaseDenom, credit)}
		}
		bz, err := c.signedTx(ctx, uint64(depositGasBase+depositGasPerUser*len(group)), msgs, group)
		if err != nil {
			return err
		}
		txs = append(txs, bz)
	}
	hashes, err := c.broadcastConcurrently(ctx, txs)
	if err != nil {
		return err
	}
	if _, err := c.waitTxs(ctx, hashes); err != nil {
		return err
	}
	for _, u := range users {
		u.sequence++
	}
	return nil
}

// broadcastConcurrently broadcasts independent transactions (distinct fee
// payers) from a few workers and returns their hashes.
func (c *loadClient) broadcastConcurrently(ctx context.Context, txs [][]byte) ([]string, error) {
	hashes := make([]string, len(txs))
	errs := make([]error, len(txs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				hashes[i], errs[i] = c.broadcastBytes(ctx, txs[i])
			}
		}()
	}
	for i := range txs {
		next <- i
	}
	close(next)
	wg.Wait()
	return hashes, errors.Join(errs...)
}

// signedTx signs msgs with the signers' keys (in the order the messages name
// them; the first pays the fee) at their current sequences. SIGN_MODE_DIRECT
// signs body and auth info, which carry every signer's public key and
// sequence, so all signer infos are set before anyone signs.
func (c *loadClient) signedTx(ctx context.Context, gas uint64, msgs []sdk.Msg, signers []*sender) ([]byte, error) {
	builder := c.txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msgs...); err != nil {
		return nil, err
	}
	builder.SetGasLimit(gas)
	builder.SetFeeAmount(fee(gas))
	mode := signing.SignMode_SIGN_MODE_DIRECT
	sigs := make([]signing.SignatureV2, len(signers))
	for i, s := range signers {
		sigs[i] = signing.SignatureV2{PubKey: s.key.PubKey(), Data: &signing.SingleSignatureData{SignMode: mode}, Sequence: s.sequence}
	}
	if err := builder.SetSignatures(sigs...); err != nil {
		return nil, err
	}
	for i, s := range signers {
		signerData := authsigning.SignerData{
			ChainID: c.opts.chainID, AccountNumber: s.number, Sequence: s.sequence,
			PubKey: s.key.PubKey(), Address: s.address.String(),
		}
		sig, err := clienttx.SignWithPrivKey(ctx, mode, signerData, builder, s.key, c.txConfig, s.sequence)
		if err != nil {
			return nil, err
		}
		sigs[i] = sig
	}
	if err := builder.SetSignatures(sigs...); err != nil {
		return nil, err
	}
	return c.txConfig.TxEncoder()(builder.GetTx())
}

// prepareBatches builds every round's MsgSettleBatch of every node, sizes
// the gas limit by simulating the first one, and signs all transactions.
func (c *loadClient) prepareBatches(ctx context.Context, nodes []*servingNode) error {
	o := c.opts.settle
	latest, err := cmtservice.NewServiceClient(c.conn).GetLatestBlock(ctx, &cmtservice.GetLatestBlockRequest{})
	if err != nil {
		return err
	}
	// Vouchers expire an hour after the current block time, as a serving
	// node would ask of a user.
	expiry := uint64(latest.SdkBlock.Header.Time.Add(time.Hour).Unix())

	start := time.Now()
	var wg sync.WaitGroup
	errs := make([]error, len(nodes))
	for i, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range o.rounds {
				msg, err := c.buildBatch(n, round, expiry)
				if err != nil {
					errs[i] = err
					return
				}
				n.msgs = append(n.msgs, msg)
			}
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return err
	}
	vouchers := o.nodes * o.rounds * o.batch
	elapsed := time.Since(start)
	fmt.Printf("signed %d vouchers (user + node signature each) in %.1fs (%.0f/s on %d CPUs)\n",
		vouchers, elapsed.Seconds(), float64(vouchers)/elapsed.Seconds(), runtime.NumCPU())

	gas, err := c.settleGas(ctx, nodes[0])
	if err != nil {
		return err
	}
	for _, n := range nodes {
		if need := fee(gas).AmountOf(config.BaseDenom).MulRaw(int64(o.rounds)); need.GT(config.OPEN(nodeFeeOPEN).Amount) {
			return fmt.Errorf("%d rounds of %d gas cost more than the %d OPEN a node holds", o.rounds, gas, nodeFeeOPEN)
		}
		for _, msg := range n.msgs {
			bz, err := c.signedTx(ctx, gas, []sdk.Msg{msg}, []*sender{n.sender})
			if err != nil {
				return err
			}
			if len(bz) > o.maxTxBytes {
				return fmt.Errorf("a batch of %d vouchers is %d bytes, over -max-tx-bytes %d", o.batch, len(bz), o.maxTxBytes)
			}
			n.txs = append(n.txs, bz)
			n.sequence++
		}
		n.sequence -= uint64(len(n.msgs))
	}
	fmt.Printf("each batch: %d vouchers, %d bytes, gas limit %d\n", o.batch, len(nodes[0].txs[0]), gas)
	return nil
}

// buildBatch is round's batch of node: the next -batch users each sign a
// voucher that adds voucherStep to their channel, and the node signs the
// Settlement of each with the batch's receipts root. Both sign the 32-byte
// EIP-712 digest as is: cosmos/evm's ethsecp256k1 key does not hash a
// 32-byte input again and returns r || s || v with v 0/1, which the chain
// verifies.
func (c *loadClient) buildBatch(n *servingNode, round int, expiry uint64) (*feetypes.MsgSettleBatch, error) {
	o := c.opts.settle
	// The receipts root only commits to the batch's receipts; a hash unique
	// to the node and round stands in for it.
	var seed [16]byte
	binary.BigEndian.PutUint64(seed[8:], uint64(round))
	root := sha256.Sum256(append(n.address.Bytes(), seed[:]...))

	msg := &feetypes.MsgSettleBatch{ServingNode: n.address.String(), ReceiptsRoot: root[:]}
	released := math.ZeroInt()
	for j := range o.batch {
		ch := n.channels[(round*o.batch+j)%len(n.channels)]
		ch.nonce++
		ch.cumulative = ch.cumulative.AddRaw(voucherStep)
		v := feetypes.Voucher{User: ch.user.address, ServingNode: n.address, CumulativeAmount: ch.cumulative, Nonce: ch.nonce, Expiry: expiry}
		userDigest, err := v.Digest(o.evmChainID)
		if err != nil {
			return nil, err
		}
		nodeDigest, err := v.Settlement(root[:]).Digest(o.evmChainID)
		if err != nil {
			return nil, err
		}
		userSig, err := ch.user.key.Sign(userDigest[:])
		if err != nil {
			return nil, fmt.Errorf("user signature: %w", err)
		}
		nodeSig, err := n.key.Sign(nodeDigest[:])
		if err != nil {
			return nil, fmt.Errorf("node signature: %w", err)
		}
		msg.Vouchers = append(msg.Vouchers, feetypes.SignedVoucher{
			User: ch.user.address.String(), CumulativeAmount: ch.cumulative, Nonce: ch.nonce, Expiry: expiry,
			UserSignature: userSig, NodeSignature: nodeSig,
		})
		// Each channel was settled up to its previous voucher, so this one
		// releases exactly one step.
		released = released.AddRaw(voucherStep)
	}
	// One usage entry: the whole release for the model. No attribution
	// entry, so the data share is unattributed.
	msg.Usage = []feetypes.ModelUsage{{
		ModelId: n.modelID, Amount: released, InferenceCount: uint64(o.batch * o.inferences), Tokens: uint64(o.batch) * tokensPerVoucher,
	}}
	return msg, nil
}

// settleGas simulates the node's first batch and adds half again: later
// rounds update channels instead of creating them, which reads a little
// more.
func (c *loadClient) settleGas(ctx context.Context, n *servingNode) (uint64, error) {
	bz, err := c.signedTx(ctx, 0, []sdk.Msg{n.msgs[0]}, []*sender{n.sender})
	if err != nil {
		return 0, err
	}
	res, err := c.txs.Simulate(ctx, &txtypes.SimulateRequest{TxBytes: bz})
	if err != nil {
		return 0, fmt.Errorf("simulating a batch: %w", err)
	}
	fmt.Printf("simulated batch: %d gas\n", res.GasInfo.GasUsed)
	return res.GasInfo.GasUsed*3/2 + 100_000, nil
}

// largestBatch is the most vouchers one MsgSettleBatch transaction can hold
// within -max-tx-bytes (and the module's max_vouchers_per_batch), measured
// by encoding signed batches of 1 and 2 vouchers with values as long as the
// real ones can get.
func (c *loadClient) largestBatch(ctx context.Context) (int, error) {
	o := c.opts.settle
	params, err := feetypes.NewQueryClient(c.conn).Params(ctx, &feetypes.QueryParamsRequest{})
	if err != nil {
		return 0, err
	}
	node, err := newSender()
	if err != nil {
		return 0, err
	}
	// Account number and sequence only change the signature, not the size.
	node.number, node.sequence = 1<<20, uint64(o.rounds)
	size := func(vouchers int) (int, error) {
		msg := &feetypes.MsgSettleBatch{ServingNode: node.address.String(), ReceiptsRoot: make([]byte, 32)}
		cumulative := creditPerUser(o.rounds)
		for range vouchers {
			user, err := newSender()
			if err != nil {
				return 0, err
			}
			msg.Vouchers = append(msg.Vouchers, feetypes.SignedVoucher{
				User: user.address.String(), CumulativeAmount: cumulative, Nonce: uint64(o.rounds), Expiry: 1 << 40,
				UserSignature: make([]byte, 65), NodeSignature: make([]byte, 65),
			})
		}
		msg.Usage = []feetypes.ModelUsage{{ModelId: 1 << 20, Amount: cumulative.MulRaw(1 << 20), InferenceCount: 1 << 40, Tokens: 1 << 62}}
		bz, err := c.signedTx(ctx, 1<<40, []sdk.Msg{msg}, []*sender{node})
		return len(bz), err
	}
	one, err := size(1)
	if err != nil {
		return 0, err
	}
	two, err := size(2)
	if err != nil {
		return 0, err
	}
	perVoucher := two - one
	// Keep 1 KiB spare for varint lengths that grow with the batch.
	fits := (o.maxTxBytes - (one - perVoucher) - 1024) / perVoucher
	fmt.Printf("a voucher takes %d bytes of a transaction (fixed part %d bytes)\n", perVoucher, one-perVoucher)
	return min(fits, int(params.Params.MaxVouchersPerBatch)), nil
}

// settleAll runs the timed phase: every node broadcasts its transactions in
// order, each after the previous one is committed (seen as the node's
// account sequence moving on).
func (c *loadClient) settleAll(ctx context.Context, nodes []*servingNode) ([]batchResult, time.Duration, error) {
	o := c.opts.settle
	results := make([][]batchResult, len(nodes))
	errs := make([]error, len(nodes))
	start := time.Now()
	var wg sync.WaitGroup
	for i, n := range nodes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], errs[i] = c.settleNode(ctx, n, o.batch, o.pipeline)
		}()
	}
	wg.Wait()
	wall := time.Since(start)
	var all []batchResult
	for _, r := range results {
		all = append(all, r...)
	}
	return all, wall, errors.Join(errs...)
}

// settleNode broadcasts one node's batches one at a time. Waiting for each
// commit is what a serving node does that keeps one batch in flight; with
// pipeline it keeps them all in flight (later batches carry higher nonces
// and sequences, so they stay valid in order), which shows what the chain
// can execute rather than what one round trip per block allows.
func (c *loadClient) settleNode(ctx context.Context, n *servingNode, vouchers int, pipeline bool) ([]batchResult, error) {
	var results []batchResult
	for _, bz := range n.txs {
		sent := time.Now()
		hash, err := c.broadcastBytes(ctx, bz)
		if err != nil {
			return results, fmt.Errorf("node %s: %w", n.address, err)
		}
		checkTx := time.Since(sent)
		n.sequence++
		if !pipeline {
			if err := c.waitSequence(ctx, n.address, n.sequence); err != nil {
				return results, err
			}
		}
		results = append(results, batchResult{hash: hash, vouchers: vouchers, checkTx: checkTx})
	}
	return results, c.waitSequence(ctx, n.address, n.sequence)
}

// waitSequence waits until the account's sequence reaches sequence, that is
// until its transaction before it is committed (successful or not).
func (c *loadClient) waitSequence(ctx context.Context, address sdk.AccAddress, sequence uint64) error {
	for {
		if _, current, err := c.account(ctx, address); err == nil && current >= sequence {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s to reach sequence %d: %w", address, sequence, ctx.Err())
		case <-time.After(pollInterval):
		}
	}
}

// reportSettlement reads every settlement transaction's result and prints
// the throughput over block time and wall time, and the gas.
func (c *loadClient) reportSettlement(ctx context.Context, results []batchResult, wall time.Duration) error {
	o := c.opts.settle
	hashes := make([]string, len(results))
	for i, r := range results {
		hashes[i] = r.hash
	}
	responses, err := c.waitTxs(ctx, hashes)
	if err != nil {
		return err
	}
	perHeight := map[int64]int{}
	blockTimes := map[int64]time.Time{}
	var gasUsed, gasWanted int64
	var checkTx time.Duration
	for i, res := range responses {
		perHeight[res.Height] += results[i].vouchers
		t, err := time.Parse(time.RFC3339, res.Timestamp)
		if err != nil {
			return fmt.Errorf("block time %q: %w", res.Timestamp, err)
		}
		blockTimes[res.Height] = t
		gasUsed += res.GasUsed
		gasWanted += res.GasWanted
		checkTx += results[i].checkTx
	}
	heights := make([]int64, 0, len(perHeight))
	for h := range perHeight {
		heights = append(heights, h)
	}
	sort.Slice(heights, func(i, j int) bool { return heights[i] < heights[j] })
	first, last := heights[0], heights[len(heights)-1]
	span := blockTimes[last].Sub(blockTimes[first]).Seconds()

	vouchers := len(results) * o.batch
	batches := float64(len(results))
	// Over block time the first block's batches are the fence post: the span
	// runs from its commit to the last one's, in which the rest landed.
	afterFirst := float64(vouchers - perHeight[first])
	fmt.Printf("settled %d batches, %d vouchers, %d inferences in blocks %d..%d (%d blocks with settlements)\n",
		len(results), vouchers, vouchers*o.inferences, first, last, len(heights))
	if last > first && span > 0 {
		perVoucherBlock := afterFirst / span
		fmt.Printf("over block time (%.1fs, %.2fs a block): %.0f vouchers/s, %.0f inferences/s, %.2f batches/s\n",
			span, span/float64(last-first), perVoucherBlock, perVoucherBlock*float64(o.inferences),
			(batches-float64(perHeight[first])/float64(o.batch))/span)
	}
	perVoucherWall := float64(vouchers) / wall.Seconds()
	fmt.Printf("over wall time (%.1fs, first broadcast to last commit seen): %.0f vouchers/s, %.0f inferences/s, %.2f batches/s\n",
		wall.Seconds(), perVoucherWall, perVoucherWall*float64(o.inferences), batches/wall.Seconds())
	fmt.Printf("gas per batch: %.0f used (%.0f wanted); per voucher: %.0f; mean broadcast (CheckTx) time %.0f ms\n",
		float64(gasUsed)/batches, float64(gasWanted)/batches, float64(gasUsed)/float64(vouchers),
		checkTx.Seconds()*1000/batches)
	fmt.Printf("vouchers per block: %s\n", vouchersPerBlock(heights, perHeight))
	return nil
}

// vouchersPerBlock lists height:vouchers for the blocks that settled any.
func vouchersPerBlock(heights []int64, perHeight map[int64]int) string {
	parts := make([]string, len(heights))
	for i, h := range heights {
		parts[i] = fmt.Sprintf("%d:%d", h, perHeight[h])
	}
	return strings.Join(parts, " ")
}

// broadcastBytes submits a signed transaction and returns its hash once
// CheckTx accepted it.
func (c *loadClient) broadcastBytes(ctx context.Context, bz []byte) (string, error) {
	res, err := c.txs.BroadcastTx(ctx, &txtypes.BroadcastTxRequest{TxBytes: bz, Mode: txtypes.BroadcastMode_BROADCAST_MODE_SYNC})
	if err != nil {
		return "", err
	}
	if res.TxResponse.Code != 0 {
		return "", fmt.Errorf("CheckTx code %d: %s", res.TxResponse.Code, res.TxResponse.RawLog)
	}
	return res.TxResponse.TxHash, nil
}

// waitTxs waits until every transaction is committed and returns their
// results; a transaction that failed in its block is an error.
func (c *loadClient) waitTxs(ctx context.Context, hashes []string) ([]*sdk.TxResponse, error) {
	out := make([]*sdk.TxResponse, len(hashes))
	for i, hash := range hashes {
		for {
			res, err := c.txs.GetTx(ctx, &txtypes.GetTxRequest{Hash: hash})
			if err == nil {
				if res.TxResponse.Code != 0 {
					return nil, fmt.Errorf("tx %s failed with code %d: %s", hash, res.TxResponse.Code, res.TxResponse.RawLog)
				}
				out[i] = res.TxResponse
				break
			}
			select {
			case <-ctx.Done():
				return nil, fmt.Errorf("waiting for tx %s: %w", hash, ctx.Err())
			case <-time.After(pollInterval):
			}
		}
	}
	return out, nil
}
