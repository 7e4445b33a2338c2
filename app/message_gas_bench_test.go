package app_test

import (
	"testing"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"

	"github.com/openledger/openledger/app/config"
	"github.com/openledger/openledger/testutil"
	agentstaketypes "github.com/openledger/openledger/x/agentstake/types"
	inferencefeestypes "github.com/openledger/openledger/x/inferencefees/types"
)

// BenchmarkMessageGas reports the gas the chain charges for the staking and
// paid-inference messages, each alone in a transaction, next to a bank send.
// Gas is deterministic, so one iteration is enough.
//
//	go test -tags test ./app -run '^$' -bench MessageGas -benchtime 1x
func BenchmarkMessageGas(b *testing.B) {
	for range b.N {
		p := newPaidInference(b, 2, 100)
		attestor, user := p.users[0], p.users[1]
		operator := p.node.Address.String()
		params, err := p.chain.App.AgentstakeKeeper.Params.Get(p.chain.Context())
		if err != nil {
			b.Fatal(err)
		}
		steps := []struct {
			metric string
			from   testutil.Account
			msg    sdk.Msg
		}{
			{"gas/bank-send", user, banktypes.NewMsgSend(user.Address, attestor.Address, sdk.NewCoins(config.OPEN(1)))},
			{"gas/register-attestor", attestor, &agentstaketypes.MsgRegisterAgent{
				Owner: attestor.Address.String(), Kind: agentstaketypes.AGENT_KIND_ATTESTOR, Stake: params.MinStakeAttestor,
			}},
			{"gas/add-stake", p.node, &agentstaketypes.MsgAddStake{Owner: operator, Operator: operator, Amount: config.OPEN(100).Amount}},
			{"gas/begin-unbonding", p.node, &agentstaketypes.MsgBeginUnbonding{Owner: operator, Operator: operator, Amount: config.OPEN(50).Amount}},
			{"gas/deposit-credit", user, &inferencefeestypes.MsgDepositCredit{User: user.Address.String(), Amount: config.OPEN(1)}},
		}
		for _, s := range steps {
			b.ReportMetric(float64(p.deliver(b, s.from, p.gas, s.msg).GasUsed), s.metric)
		}
	}
}
