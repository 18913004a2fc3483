//! Node permissioning: the peers each node may sync with (`pallet-node-authorization`).
//!
//! Every node runs this pallet's offchain worker after each block it imports. The worker makes the
//! node's authorized peers (all well-known nodes, if the node is one, plus its additional
//! connections) the only peers of the block-announce protocol. A stranger can still open a
//! transport connection, but it gets no sync, blocks, transactions or gossip. Peer ids are
//! stored as raw bytes, the base58-decoded peer id (`docs/operators.md`).

use frame_support::traits::ConstU32;

use super::governance::CityOrigin;
use crate::{Runtime, RuntimeEvent};

impl pallet_node_authorization::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	/// Validators and RPC nodes.
	type MaxWellKnownNodes = ConstU32<64>;
	/// An Ed25519 peer id is 38 bytes; room for other key types.
	type MaxPeerIdLength = ConstU32<128>;
	type AddOrigin = CityOrigin;
	type RemoveOrigin = CityOrigin;
	type SwapOrigin = CityOrigin;
	type ResetOrigin = CityOrigin;
	/// pallet-node-authorization 50 ships no benchmarks; its calls are the city's, rare, and
	/// touch a bounded set (at most 64 nodes).
	type WeightInfo = ();
}
