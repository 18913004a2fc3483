//! The citizen card's answers for agencies, as a runtime API (`api.call.citizenCardApi.*` in
//! polkadot-js; the node serves them as JSON-RPC `citizenCard_verify` and `citizenCard_status`).

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_citizen_card::{AccessRefusal, CardView, FacilityId};

sp_api::decl_runtime_apis! {
	/// Answers about citizen cards.
	pub trait CitizenCardApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// May the card of `who` use `facility` now? `Ok`, or the reason why not.
		fn verify(who: AccountId, facility: FacilityId) -> Result<(), AccessRefusal>;

		/// The card `who` holds, whatever its status; `None` if it holds none.
		fn status(who: AccountId) -> Option<CardView<BlockNumber>>;
	}
}
