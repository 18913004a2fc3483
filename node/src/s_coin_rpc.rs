//! JSON-RPC for S-coin: `scoin_balance`, `scoin_issuerBudget` and `scoin_audit`, plain JSON over
//! the runtime API `SCoinApi` (the pallet's own types where they serialize as answered).

use std::sync::Arc;

use jsonrpsee::{core::RpcResult, proc_macros::rpc};
use pallet_s_coin_runtime_api::{Issuer, MileageView, SCoinApi as SCoinRuntimeApi};
use seoul_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use serde::Serialize;
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;

use crate::rpc::runtime_error;

/// What an issuer issued for a reason.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Issued {
	/// The issuer organization.
	pub issuer: u32,
	/// The reason code.
	pub reason: u16,
	/// How much.
	pub amount: Balance,
}

/// What was spent on a use.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Spent {
	/// `ZeroPay`, `TransitTopUp`, `Donation`, `LocalTax` or `SolarPower`.
	#[serde(rename = "use")]
	pub spend: String,
	/// How much.
	pub amount: Balance,
}

/// What a converter converted.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Converted {
	/// The converter organization.
	pub converter: u32,
	/// How much.
	pub amount: Balance,
}

/// The audit totals, as `scoin_audit` answers.
#[derive(Serialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct AuditTotals {
	/// Issued, per issuer and reason.
	pub issued: Vec<Issued>,
	/// Spent, per use (every use listed).
	pub spent: Vec<Spent>,
	/// Converted, per converter.
	pub converted: Vec<Converted>,
	/// Expired and burnt.
	pub expired: Balance,
}

/// S-coin's JSON-RPC methods. `at`: a block hash, or the best block when omitted.
#[rpc(server)]
pub trait SCoinApi<BlockHash> {
	/// The S-coin of `account` (SS58): what it may spend, what has expired, what expires when.
	#[method(name = "scoin_balance")]
	fn balance(
		&self,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<MileageView<BlockNumber>>;

	/// The budget of reward issuer `organization`, or `null` if the city never gave it one.
	#[method(name = "scoin_issuerBudget")]
	fn issuer_budget(&self, organization: u32, at: Option<BlockHash>) -> RpcResult<Option<Issuer>>;

	/// The audit totals: issued per issuer and reason, spent per use, converted per converter,
	/// expired.
	#[method(name = "scoin_audit")]
	fn audit(&self, at: Option<BlockHash>) -> RpcResult<AuditTotals>;
}

/// Serves [`SCoinApiServer`] from a client.
pub struct SCoin<C> {
	client: Arc<C>,
}

impl<C> SCoin<C> {
	/// The methods, over `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

impl<C> SCoinApiServer<<Block as BlockT>::Hash> for SCoin<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: SCoinRuntimeApi<Block, AccountId, BlockNumber>,
{
	fn balance(
		&self,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<MileageView<BlockNumber>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().balance(at, account).map_err(runtime_error)?)
	}

	fn issuer_budget(
		&self,
		organization: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<Issuer>> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		Ok(self.client.runtime_api().issuer_budget(at, organization).map_err(runtime_error)?)
	}

	fn audit(&self, at: Option<<Block as BlockT>::Hash>) -> RpcResult<AuditTotals> {
		let at = at.unwrap_or_else(|| self.client.info().best_hash);
		let audit = self.client.runtime_api().audit(at).map_err(runtime_error)?;
		Ok(AuditTotals {
			issued: audit
				.issued
				.into_iter()
				.map(|(issuer, reason, amount)| Issued { issuer, reason, amount })
				.collect(),
			spent: audit
				.spent
				.into_iter()
				.map(|(spend, amount)| Spent { spend: format!("{spend:?}"), amount })
				.collect(),
			converted: audit
				.converted
				.into_iter()
				.map(|(converter, amount)| Converted { converter, amount })
				.collect(),
			expired: audit.expired,
		})
	}
}
