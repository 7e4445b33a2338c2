#include "textflag.h"

// The row operations of rows_amd64.s with the rows in bfloat16: each group
// of 16 values is widened (VPMOVZXWD, then a shift into the high half) just
// before its FMA, in the same order as the float32 kernels, so the results
// equal theirs over the widened values bit for bit. VPMOVZXWD on 512-bit
// registers needs AVX512BW.

// func dotRowsBF16AVX512(out, a *float32, b *uint16, stride, rows, n int)
TEXT ·dotRowsBF16AVX512(SB), NOSPLIT, $0-48
	MOVQ out+0(FP), DI
	MOVQ a+8(FP), SI
	MOVQ b+16(FP), R8
	MOVQ stride+24(FP), R9
	SHLQ $1, R9
	MOVQ rows+32(FP), R10
	MOVQ n+40(FP), R11
	XORQ R12, R12
rowloop:
	CMPQ R12, R10
	JGE done
	VXORPS Z0, Z0, Z0
	VXORPS Z1, Z1, Z1
	VXORPS Z2, Z2, Z2
	VXORPS Z3, Z3, Z3
	XORQ AX, AX
piece4:
	MOVQ R11, DX
	SUBQ AX, DX
	CMPQ DX, $64
	JLT piece1
	VMOVUPS 0(SI)(AX*4), Z4
	VMOVUPS 64(SI)(AX*4), Z5
	VMOVUPS 128(SI)(AX*4), Z6
	VMOVUPS 192(SI)(AX*4), Z7
	VPMOVZXWD 0(R8)(AX*2), Z8
	VPMOVZXWD 32(R8)(AX*2), Z9
	VPMOVZXWD 64(R8)(AX*2), Z10
	VPMOVZXWD 96(R8)(AX*2), Z11
	VPSLLD $16, Z8, Z8
	VPSLLD $16, Z9, Z9
	VPSLLD $16, Z10, Z10
	VPSLLD $16, Z11, Z11
	VFMADD231PS Z8, Z4, Z0
	VFMADD231PS Z9, Z5, Z1
	VFMADD231PS Z10, Z6, Z2
	VFMADD231PS Z11, Z7, Z3
	ADDQ $64, AX
	JMP piece4
piece1:
	CMPQ AX, R11
	JGE reduce
	VMOVUPS (SI)(AX*4), Z4
	VPMOVZXWD (R8)(AX*2), Z8
	VPSLLD $16, Z8, Z8
	VFMADD231PS Z8, Z4, Z0
	ADDQ $16, AX
	JMP piece1
reduce:
	VADDPS Z1, Z0, Z0
	VADDPS Z3, Z2, Z2
	VADDPS Z2, Z0, Z0
	VEXTRACTF64X4 $1, Z0, Y1
	VADDPS Y1, Y0, Y0
	VEXTRACTF128 $1, Y0, X1
	VADDPS X1, X0, X0
	VHADDPS X0, X0, X0
	VHADDPS X0, X0, X0
	VMOVSS X0, (DI)(R12*4)
	ADDQ R9, R8
	INCQ R12
	JMP rowloop
done:
	VZEROUPPER
	RET

// func axpyRowsBF16AVX512(y, w *float32, x *uint16, stride, rows, n int)
//
// Row by row, where axpyRowsAVX512 goes column block by column block: y
// stays in L1 while each bfloat16 row streams through once, which the
// hardware prefetcher follows better than sixteen rows read side by side.
// Each element still adds the rows in t order, so the sums are the same.
TEXT ·axpyRowsBF16AVX512(SB), NOSPLIT, $0-48
	MOVQ y+0(FP), DI
	MOVQ w+8(FP), SI
	MOVQ x+16(FP), R8
	MOVQ stride+24(FP), R9
	SHLQ $1, R9
	MOVQ rows+32(FP), R10
	MOVQ n+40(FP), R11
	XORQ R12, R12
rowloop:
	CMPQ R12, R10
	JGE done
	VBROADCASTSS (SI)(R12*4), Z8
	XORQ AX, AX
chunk4:
	MOVQ R11, DX
	SUBQ AX, DX
	CMPQ DX, $64
	JLT chunk1
	VPMOVZXWD 0(R8)(AX*2), Z9
	VPMOVZXWD 32(R8)(AX*2), Z10
	VPMOVZXWD 64(R8)(AX*2), Z11
	VPMOVZXWD 96(R8)(AX*2), Z12
	VPSLLD $16, Z9, Z9
	VPSLLD $16, Z10, Z10
	VPSLLD $16, Z11, Z11
	VPSLLD $16, Z12, Z12
	VMOVUPS 0(DI)(AX*4), Z0
	VMOVUPS 64(DI)(AX*4), Z1
	VMOVUPS 128(DI)(AX*4), Z2
	VMOVUPS 192(DI)(AX*4), Z3
	VFMADD231PS Z9, Z8, Z0
	VFMADD231PS Z10, Z8, Z1
	VFMADD231PS Z11, Z8, Z2
	VFMADD231PS Z12, Z8, Z3
	VMOVUPS Z0, 0(DI)(AX*4)
	VMOVUPS Z1, 64(DI)(AX*4)
	VMOVUPS Z2, 128(DI)(AX*4)
	VMOVUPS Z3, 192(DI)(AX*4)
	ADDQ $64, AX
	JMP chunk4
chunk1:
	CMPQ AX, R11
	JGE nextrow
	VPMOVZXWD (R8)(AX*2), Z9
	VPSLLD $16, Z9, Z9
	VMOVUPS (DI)(AX*4), Z0
	VFMADD231PS Z9, Z8, Z0
	VMOVUPS Z0, (DI)(AX*4)
	ADDQ $16, AX
	JMP chunk1
nextrow:
	ADDQ R9, R8
	INCQ R12
	JMP rowloop
done:
	VZEROUPPER
	RET
