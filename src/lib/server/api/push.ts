import { z } from 'zod';
import { subscriptionSchema } from '../notify/push';
import { operation } from './contract';

export const getPushKey = operation({
	method: 'get',
	path: '/push/key',
	operationId: 'getPushKey',
	summary: 'Publiczny klucz VAPID serwera (dla subskrypcji push przeglądarki)',
	tag: 'push',
	access: 'none',
	responses: { 200: { description: 'Klucz', schema: z.object({ publicKey: z.string() }) } },
	errors: []
});

export const subscribePush = operation({
	method: 'post',
	path: '/push/subscriptions',
	operationId: 'subscribePush',
	summary: 'Subskrypcja push tego urządzenia (adres tylko usługi push przeglądarki: FCM, Mozilla, Apple, Windows)',
	tag: 'push',
	access: 'required',
	body: {
		schema: z
			.object(
				{
					...subscriptionSchema.shape,
					endpoint: subscriptionSchema.shape.endpoint.meta({ example: 'https://fcm.googleapis.com/fcm/send/abc:def' })
				},
				{ error: 'Treść żądania musi być obiektem JSON.' }
			)
			.meta({ description: 'Subskrypcja z PushManager.subscribe() przeglądarki' })
	},
	responses: { 201: { description: 'Zapisano', schema: z.object({ subscribed: z.literal(true) }) } },
	errors: []
});

export const unsubscribePush = operation({
	method: 'delete',
	path: '/push/subscriptions',
	operationId: 'unsubscribePush',
	summary: 'Wyłącz powiadomienia push na tym urządzeniu',
	tag: 'push',
	access: 'required',
	body: {
		schema: z.object(
			{ endpoint: z.string({ error: 'Podaj adres subskrypcji.' }) },
			{ error: 'Podaj adres subskrypcji.' }
		)
	},
	responses: { 200: { description: 'Usunięto', schema: z.object({ subscribed: z.literal(false) }) } },
	errors: []
});
