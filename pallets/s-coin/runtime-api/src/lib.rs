//! S-coin's answers for agencies and wallets, as a runtime API (`api.call.sCoinApi.*` in
//! polkadot-js; the node serves them as JSON-RPC `scoin_balance` and `scoin_issuerBudget`).

#![cfg_attr(not(feature = "std"), no_std)]

use codec::Codec;
pub use pallet_s_coin::{Audit, Bucket, Issuer, MileageView};
pub use seoul_primitives::OrganizationId;

sp_api::decl_runtime_apis! {
	/// Answers about S-coin.
	pub trait SCoinApi<AccountId, BlockNumber>
	where
		AccountId: Codec,
		BlockNumber: Codec,
	{
		/// What `who` may spend now, what has expired, and what expires when.
		fn balance(who: AccountId) -> MileageView<BlockNumber>;

		/// Reward issuer `issuer`'s remaining budget, total issued and pause; `None` if the city
		/// never gave it a budget.
		fn issuer_budget(issuer: OrganizationId) -> Option<Issuer>;

		/// What was issued per issuer and reason, spent per use, converted per converter, and
		/// expired.
		fn audit() -> Audit;
	}
}
