import { formAction } from './http';
import { updateUnitProfile } from '../units/units';
import { changeStaffRole, inviteStaff, removeStaff, revokeInvitation } from '../units/staff';
import { createUnitToken, revokeUnitToken } from '../units/tokens';

/** What a unit page's action sees: the request, the unit's id in the path, the signed-in person. */
interface UnitEvent {
	request: Request;
	locals: App.Locals;
	params: { id: string };
}

/**
 * The form actions of a unit's profile, staff and tokens, shared by the unit's workspace
 * (`/jednostka/{id}`) and the coordinator's panel (`/urzad/jednostki/{id}`) with their components
 * (`UnitProfileForm`, `UnitStaff`, `UnitTokens`). Each calls one domain function, which authorizes
 * (`assertUnitManager`: the unit's admin, the coordinator, the operator) and validates; a refusal or
 * bad input comes back to its form with the Polish message and changes nothing.
 */
export const unitActions = {
	profile: formAction(
		async (f, { locals, params }: UnitEvent) => {
			await updateUnitProfile(locals.ctx, locals.actor, params.id, f);
			return { saved: 'profile' };
		},
		(f) => ({ form: 'profile', ...f })
	),
	invite: formAction(
		async (f, { locals, params }: UnitEvent) => {
			await inviteStaff(locals.ctx, locals.actor, params.id, { email: f.email, role: f.role });
			return { invited: f.email };
		},
		(f) => ({ form: 'invite', ...f })
	),
	role: formAction(
		async (f, { locals, params }: UnitEvent) => ({
			roleChanged: await changeStaffRole(locals.ctx, locals.actor, params.id, f.userId, { role: f.role })
		}),
		() => ({ form: 'staff' })
	),
	remove: formAction(
		async (f, { locals, params }: UnitEvent) => ({
			removed: await removeStaff(locals.ctx, locals.actor, params.id, f.userId)
		}),
		() => ({ form: 'staff' })
	),
	revokeInvitation: formAction(
		async (f, { locals, params }: UnitEvent) => {
			await revokeInvitation(locals.ctx, locals.actor, params.id, f.invitationId);
			return { saved: 'invitation' };
		},
		() => ({ form: 'staff' })
	),
	token: formAction(
		async (f, { locals, params }: UnitEvent) => ({
			token: await createUnitToken(locals.ctx, locals.actor, params.id, f.tokenName ?? '')
		}),
		(f) => ({ form: 'token', tokenName: f.tokenName })
	),
	revokeToken: formAction(
		async (f, { locals, params }: UnitEvent) => {
			await revokeUnitToken(locals.ctx, locals.actor, params.id, f.tokenId);
			return { saved: 'token' };
		},
		() => ({ form: 'token' })
	)
};
