//! JSON-RPC for the citizen card: `citizenCard_verify` and `citizenCard_status`, plain JSON over
//! the runtime API `CitizenCardApi`.

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_citizen_card_runtime_api::{CardView, CitizenCardApi as CitizenCardRuntimeApi};
use seoul_runtime::{opaque::Block, AccountId, BlockNumber};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use crate::rpc::runtime_error;

/// The answer to "may this card use this facility now?".
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
	/// Yes or no.
	pub allowed: bool,
	/// Why not: `NoCard`, `CardSuspended`, `CardLost`, `CardRevoked`, `UnknownFacility`,
	/// `FacilityClosed`, `OutsideDistrict` or `AgeBandNotAllowed`. Absent when allowed.
	#[serde(skip_serializing_if = "Option::is_none")]
	pub reason: Option<String>,
}

/// A citizen card, as `citizenCard_status` answers.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct CardStatus {
	/// The resident's keyed hash, hex.
	pub resident: String,
	/// `Active`, `Suspended`, `Lost` or `Revoked`.
	pub status: String,
	/// The district code.
	pub district: u16,
	/// `Child`, `Youth`, `Adult` or `Senior`.
	pub age_band: String,
	/// The registrar organization's id.
	pub registrar: u32,
	/// The block of the registration or the last reissue.
	pub since: BlockNumber,
}

impl From<CardView<BlockNumber>> for CardStatus {
	fn from(card: CardView<BlockNumber>) -> Self {
		Self {
			resident: format!("{:?}", card.resident),
			status: format!("{:?}", card.status),
			district: card.district,
			age_band: format!("{:?}", card.age_band),
			registrar: card.registrar,
			since: card.since,
		}
	}
}

/// The citizen card's JSON-RPC methods. `at`: a block hash, or the best block when omitted.
#[rpc(server)]
pub trait CitizenCardApi<BlockHash> {
	/// May the card of `account` (SS58) use `facility` now?
	#[method(name = "citizenCard_verify")]
	fn verify(
		&self,
		account: AccountId,
		facility: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Verdict>;

	/// The card `account` (SS58) holds, whatever its status, or `null`.
	#[method(name = "citizenCard_status")]
	fn status(&self, account: AccountId, at: Option<BlockHash>) -> RpcResult<Option<CardStatus>>;
}

/// Serves [`CitizenCardApiServer`] from a client.
pub struct CitizenCard<C> {
	client: Arc<C>,
}

impl<C> CitizenCard<C> {
	/// The methods, over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> CitizenCardApiServer<<Block as BlockT>::Hash> for CitizenCard<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CitizenCardRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn verify(
		&self,
		account: AccountId,
		facility: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Verdict> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let answer =
			self.client.runtime_api().verify(at, account, facility).map_err(runtime_error)?;
		Ok(match answer {
			Ok(()) => Verdict { allowed: true, reason: None },
			Err(refusal) => Verdict { allowed: false, reason: Some(format!("{refusal:?}")) },
		})
	}

	fn status(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<CardStatus>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let card = self.client.runtime_api().status(at, account).map_err(runtime_error)?;
		Ok(card.map(Into::into))
	}
}
