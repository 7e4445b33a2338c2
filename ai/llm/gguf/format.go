package gguf

import "fmt"

// magic is "GGUF" read as a little-endian uint32.
const magic = 0x46554747

// Version is the GGUF version this package reads and writes.
const Version = 3

// defaultAlignment is the tensor data alignment when general.alignment is
// absent.
const defaultAlignment = 32

// ValueType is the type tag of a metadata value.
type ValueType uint32

// Metadata value types, as the GGUF specification numbers them.
const (
	TypeUint8 ValueType = iota
	TypeInt8
	TypeUint16
	TypeInt16
	TypeUint32
	TypeInt32
	TypeFloat32
	TypeBool
	TypeString
	TypeArray
	TypeUint64
	TypeInt64
	TypeFloat64
)

// TensorType is a ggml tensor element type.
type TensorType uint32

// The tensor types this package reads (ggml's numbering). Q8_0 stores blocks
// of 32 values as one float16 scale and 32 signed bytes.
const (
	F32  TensorType = 0
	F16  TensorType = 1
	Q8_0 TensorType = 8
	BF16 TensorType = 30
)

// q8Block is the number of values in one Q8_0 block; q8BlockBytes its size.
const (
	q8Block      = 32
	q8BlockBytes = 2 + q8Block
)

// tensorTypeNames are ggml's names, the unsupported ones included so that an
// error says which type a file holds.
var tensorTypeNames = map[TensorType]string{
	F32: "F32", F16: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", Q8_0: "Q8_0", 9: "Q8_1",
	10: "Q2_K", 11: "Q3_K", 12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS", 17: "IQ2_XS",
	18: "IQ3_XXS", 19: "IQ1_S", 20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S", 23: "IQ4_XS", 24: "I8", 25: "I16",
	26: "I32", 27: "I64", 28: "F64", 29: "IQ1_M", BF16: "BF16", 34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4",
}

// String is ggml's name of the type.
func (t TensorType) String() string {
	if n, ok := tensorTypeNames[t]; ok {
		return n
	}
	return fmt.Sprintf("ggml type %d", uint32(t))
}

// dataSize returns the bytes n elements of the type take, or an error for a
// type the package does not read or a count that does not fill whole blocks.
func (t TensorType) dataSize(n uint64) (uint64, error) {
	switch t {
	case F32:
		return 4 * n, nil
	case F16, BF16:
		return 2 * n, nil
	case Q8_0:
		if n%q8Block != 0 {
			return 0, fmt.Errorf("%d elements are not whole Q8_0 blocks of %d", n, q8Block)
		}
		return n / q8Block * q8BlockBytes, nil
	}
	return 0, fmt.Errorf("unsupported tensor type %s (the engine reads F32, F16, BF16 and Q8_0)", t)
}

// fileType is general.file_type: the type most tensors have.
func fileType(t TensorType) uint32 {
	switch t {
	case F16:
		return 1
	case Q8_0:
		return 7
	case BF16:
		return 32
	}
	return 0
}
