import { describe, identityOf } from '../../model/observed.ts';
import { frameworkRuntimeOwn, frameworkValues } from '../framework-fields.ts';
import { relationInvariant, Violation } from './relation.ts';

/** Why a case compared nothing: the source holds no runtime object at all (BeeAI, the OpenAI SDK: a run is stopped through its own signal). */
const NO_RUNTIME_OBJECT = 'the agents hold no interrupt controller and no runtime object in a framework field: a run is stopped some other way, and there is nothing to renew';

export const controllerFresh = relationInvariant(
  {
    id: 'channel.controller.fresh',
    roles: ['runtime'],
    rule: 'Wherever the source has an interrupt controller, the clone has one of its own, not the source\'s controller object. Wherever the source holds an object in a framework field of role runtime, the clone holds one of its own.',
    rationale: 'The interrupt controller is how a gateway stops one conversation. A clone with none cannot be stopped; a clone holding its source\'s controller is stopped whenever the source is, and stops it in turn. A framework whose agents hold none (a run is stopped through a signal of its own) has nothing to renew.',
  },
  (source, clone, scope) => {
    const sourceController = identityOf(source.fields.interruptController);
    if (sourceController !== undefined) {
      const controller = clone.fields.interruptController;
      if (identityOf(controller) === undefined) {
        return new Violation(`clone.interruptController = ${describe(controller)}`, 'an interrupt controller of the clone\'s own, as the source has one');
      }
      if (identityOf(controller) === sourceController) {
        return new Violation('clone.interruptController is the source\'s controller object', 'a fresh interrupt controller');
      }
    }
    return frameworkRuntimeOwn(source, clone, scope, 'clone');
  },
  ['interruptController', 'framework'],
  (source, scope) =>
    identityOf(source.fields.interruptController) === undefined && frameworkValues(source, scope, 'runtime').every(([, value]) => identityOf(value) === undefined) ? NO_RUNTIME_OBJECT : undefined,
);
