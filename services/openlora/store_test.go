package openlora

import (
	"testing"
)

// TestStoreRefusesEquivocation: a voucher is signed into one batch only,
// and two batches of identical receipts (the same root) stay two batches.
func TestStoreRefusesEquivocation(t *testing.T) {
	store, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	first := &Batch{Root: "aa", Receipts: []uint64{1}, Vouchers: []BatchVoucher{{User: "u", Nonce: 1, Amount: "5"}}, Status: BatchPending}
	if err := store.SaveBatch(first); err != nil {
		t.Fatal(err)
	}
	if err := store.SaveBatch(first); err != nil {
		t.Fatalf("saving the same batch again: %v", err)
	}
	other := &Batch{Root: "bb", Receipts: []uint64{1}, Vouchers: []BatchVoucher{{User: "u", Nonce: 1, Amount: "5"}}, Status: BatchPending}
	if err := store.SaveBatch(other); err == nil {
		t.Fatal("a voucher was signed into a second batch")
	}
	if root, _ := store.SignedSettlement("u", 1); root != "aa" {
		t.Fatalf("settlement of voucher 1 signed for %q", root)
	}
	again := &Batch{Root: "aa", Receipts: []uint64{2}, Vouchers: []BatchVoucher{{User: "u", Nonce: 2, Amount: "10"}}, Status: BatchPending}
	if err := store.SaveBatch(again); err != nil {
		t.Fatal(err)
	}
	first.Status = BatchSettled
	if err := store.FinishBatch(first); err != nil {
		t.Fatal(err)
	}
	all, err := store.Batches("")
	if err != nil || len(all) != 2 || all[0].ID != first.ID || all[1].ID != again.ID || all[0].Status != BatchSettled || all[1].Status != BatchPending {
		t.Fatalf("batches %+v: %v", all, err)
	}
	if newest, err := store.BatchByRoot("aa"); err != nil || newest.ID != again.ID {
		t.Fatalf("newest batch of root aa: %+v %v", newest, err)
	}
	if ch, _ := store.Channel("u"); ch.Settled != "5" || ch.SettledNonce != 1 {
		t.Fatalf("channel %+v", ch)
	}
}
