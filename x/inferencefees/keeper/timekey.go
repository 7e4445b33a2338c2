package keeper

import (
	"errors"
	"fmt"
	"time"

	collcodec "cosmossdk.io/collections/codec"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// timeKey is the key codec of the withdrawal queue's times. Its bytes are
// those of the SDK's deprecated sdk.TimeKey, which the queue was stored with:
// the UTC time in sdk.SortableTimeFormat, so keys sort by time.
var timeKey collcodec.KeyCodec[time.Time] = timeKeyCodec{}

// timeKeySize is the length of every encoded time.
var timeKeySize = len(sdk.FormatTimeBytes(time.Time{}))

type timeKeyCodec struct{}

func (timeKeyCodec) Encode(buffer []byte, key time.Time) (int, error) {
	return copy(buffer, sdk.FormatTimeBytes(key)), nil
}

func (timeKeyCodec) Decode(buffer []byte) (int, time.Time, error) {
	if len(buffer) != timeKeySize {
		return 0, time.Time{}, errors.New("invalid time buffer size")
	}
	t, err := sdk.ParseTimeBytes(buffer)
	if err != nil {
		return 0, time.Time{}, err
	}
	return timeKeySize, t, nil
}

func (timeKeyCodec) Size(time.Time) int { return timeKeySize }

func (timeKeyCodec) EncodeJSON(value time.Time) ([]byte, error) { return value.MarshalJSON() }

func (timeKeyCodec) DecodeJSON(b []byte) (time.Time, error) {
	t := time.Time{}
	err := t.UnmarshalJSON(b)
	return t, err
}

func (timeKeyCodec) Stringify(key time.Time) string { return key.String() }

func (timeKeyCodec) KeyType() string { return "sdk/time.Time" }

func (c timeKeyCodec) EncodeNonTerminal(buffer []byte, key time.Time) (int, error) {
	return c.Encode(buffer, key)
}

func (c timeKeyCodec) DecodeNonTerminal(buffer []byte) (int, time.Time, error) {
	if len(buffer) < timeKeySize {
		return 0, time.Time{}, fmt.Errorf("invalid time buffer size, wanted: %d at least, got: %d", timeKeySize, len(buffer))
	}
	return c.Decode(buffer[:timeKeySize])
}

func (c timeKeyCodec) SizeNonTerminal(key time.Time) int { return c.Size(key) }
