/**
 * What members are told about a promoted post: the in-app line, the push and the SMS. Pure: the
 * caller passes names and full links.
 */

export interface PromotedPostData {
	/** Who promotes it, as the label says ("Szkoła Podstawowa w Wiskitkach"). */
	sponsor: string;
	groupName: string;
	/** The post's first line, shortened (`digestTitle`). */
	title: string;
	postUrl: string;
}

export function promotedPostMessage(d: PromotedPostData): { notification: string; subject: string; push: string } {
	return {
		notification: d.title,
		subject: `${d.sponsor}: ważne w grupie „${d.groupName}”`,
		// The push opens the link its text ends with (push.ts), as an alert's does.
		push: `${d.title} ${d.postUrl}`
	};
}

/** One SMS: who, what, the link (the caller counts its segments). */
export const promotedPostSms = (d: PromotedPostData) => `${d.sponsor}: ${d.title} ${d.postUrl}`;
