package gguf

import (
	"encoding/binary"
	"math"

	"github.com/openledger/openledger/ai/llm/hf"
)

// dequantize converts raw little-endian tensor data of type t into dst; raw
// holds exactly the bytes of len(dst) elements.
func dequantize(dst []float32, raw []byte, t TensorType) {
	switch t {
	case F32:
		for i := range dst {
			dst[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
	case F16:
		for i := range dst {
			dst[i] = hf.HalfToFloat32(binary.LittleEndian.Uint16(raw[2*i:]))
		}
	case BF16:
		for i := range dst {
			dst[i] = math.Float32frombits(uint32(binary.LittleEndian.Uint16(raw[2*i:])) << 16)
		}
	case Q8_0:
		for b := 0; b < len(dst)/q8Block; b++ {
			blk := raw[b*q8BlockBytes:]
			d := hf.HalfToFloat32(binary.LittleEndian.Uint16(blk))
			for j := range q8Block {
				dst[b*q8Block+j] = d * float32(int8(blk[2+j]))
			}
		}
	}
}

// quantize encodes src as type t, rounding as ggml's reference quantizers
// do, so that llama.cpp and this package read the same values back.
func quantize(src []float32, t TensorType) []byte {
	switch t {
	case F16:
		out := make([]byte, 2*len(src))
		for i, v := range src {
			binary.LittleEndian.PutUint16(out[2*i:], hf.Float32ToHalf(v))
		}
		return out
	case BF16:
		out := make([]byte, 2*len(src))
		for i, v := range src {
			binary.LittleEndian.PutUint16(out[2*i:], hf.Float32ToBFloat16(v))
		}
		return out
	case Q8_0:
		out := make([]byte, len(src)/q8Block*q8BlockBytes)
		for b := 0; b < len(src)/q8Block; b++ {
			x := src[b*q8Block : (b+1)*q8Block]
			var amax float32
			for _, v := range x {
				amax = max(amax, float32(math.Abs(float64(v))))
			}
			d := amax / 127
			var id float32
			if d != 0 {
				id = 1 / d
			}
			blk := out[b*q8BlockBytes:]
			binary.LittleEndian.PutUint16(blk, hf.Float32ToHalf(d))
			for j, v := range x {
				blk[2+j] = byte(int8(math.Round(float64(v * id))))
			}
		}
		return out
	}
	out := make([]byte, 4*len(src))
	for i, v := range src {
		binary.LittleEndian.PutUint32(out[4*i:], math.Float32bits(v))
	}
	return out
}
